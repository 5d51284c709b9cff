"""A recorded same-story pair judgement for the clusterer's tests (test_split_stories_qa22.py,
test_split_stories_qa25.py): the answer is the test's; when it is asked is the clusterer's."""

from __future__ import annotations


class RecordedJudge:
    """A recorded pair judgement: the mean score it answers, and how often it was asked."""

    def __init__(self, score: float, threshold: float = 0.57):
        self.score, self.threshold, self.asked = score, threshold, 0

    def __call__(self, d, s):
        self.asked += 1
        return self.score, self.threshold
