"""Given names as uk, ru, en, de and pl news write them: "Volodymyr" / "Володимир" / "Wladimir"
are one given name, "Vitali" / "Wladimir" two (``given_key``, ``GIVEN_NAME_GROUP``,
``is_given_name``). Speakers (``analyze``) and quote versions across languages
(``compare.translation.same_given_name``) read it.
"""

from __future__ import annotations

import re

from storydiff.romanisation import romanised, sounds

# One given name in the forms uk, ru, en, de and pl news give it, and its common short forms: two
# names of one group are one given name, of two groups two ("Vitali" / "Wladimir" Klitschko are
# brothers, "Joe" / "Hunter" Biden father and son: review 24a, F1). Compared by ``given_key``, so
# the table lists the spellings that key does not already meet.
GIVEN_NAME_GROUPS = (
    "Volodymyr Wolodymyr Wołodymyr Vladimir Wladimir Włodzimierz Володимир Владимир Wowa Vova Вова",
    "Vitalii Vitaliy Vitali Vitaly Witali Witalij Віталій Виталий",
    "Oleksandr Olexandr Oleksander Aleksandr Alexander Alexandr Aleksander Alexandre Alessandro Alex "
    "Олександр Александр Sasha Саша",
    "Oleksandra Aleksandra Alexandra Олександра Александра",
    "Mykhailo Mykhaylo Mychajło Mikhail Michail Michael Michał Michel Mike Михайло Михаил",
    "Dmytro Dmitry Dmitri Dmitrij Dmitrii Dymitr Дмитро Дмитрий",
    "Olena Elena Jelena Helena Yelena Alena Олена Елена",
    "Oleksii Oleksiy Olexiy Aleksei Alexei Alexey Aleksiej Alexej Олексій Алексей",
    "Andrii Andriy Andrij Andrey Andrei Andrzej Andreas Andrew Andy Андрій Андрей Анджей",
    "Yurii Yuriy Yuri Jurij Juri Jurii Юрій Юрий",
    "Yuliia Yulia Yuliya Julia Julija Julie Юлія Юлия",
    "Serhii Serhiy Sergei Sergey Sergii Sergiy Siergiej Sergej Serhij Сергій Сергей",
    "Ihor Igor Ігор Игорь", "Oleh Oleg Олег", "Olha Olga Ольга", "Ivan Iwan Іван Иван",
    "Mykola Nikolai Nikolay Nikolaj Mikołaj Nicholas Nick Микола Николай",
    "Petro Pyotr Piotr Petr Peter Pete Pjotr Петро Пётр Петр",
    "Yevhen Yevhenii Evgeny Evgenii Yevgeny Jewgeni Jewgienij Eugeniusz Євген Евгений",
    "Heorhii Georgy Georgii Georgiy George Georg Георгій Георгий",
    "Hanna Anna Ганна Анна", "Iryna Irina Ірина Ирина", "Viktor Victor Wiktor Віктор Виктор",
    "Kateryna Ekaterina Yekaterina Katarzyna Katharina Catherine Katherine Kate Катерина Екатерина",
    "Tetiana Tetyana Tatiana Tatyana Tatjana Тетяна Татьяна",
    "Nataliia Natalia Nataliya Natalija Natalie Наталія Наталья",
    "Svitlana Svetlana Swietłana Swetlana Світлана Светлана",
    "Vasyl Vasily Vasiliy Wasyl Wassili Василь Василий",
    "Pavlo Pavel Paweł Paul Павло Павел", "Yaroslav Jarosław Jaroslaw Ярослав",
    "Maksym Maxim Maksim Максим", "Kyrylo Kirill Cyryl Кирило Кирилл",
    "Valerii Valeriy Valery Walerij Walery Валерій Валерий", "Denys Denis Денис",
    "Mariia Maria Mariya Marija Марія Мария", "Roman Роман", "Ruslan Руслан",
    "Joseph Joe Józef Josef Йосип Иосиф Джо Джозеф", "Hunter Гантер Хантер", "Jill Джилл",
    "William Bill Will Вільям Уильям Білл Билл", "Robert Bob Rob Роберт Боб", "James Jim Джеймс",
    "Thomas Tom Томас Том", "Richard Rick Dick Річард Ричард", "Anthony Antony Tony Ентоні Энтони",
    "Christopher Chris Крістофер Кристофер", "Daniel Dan Даніел Даниэль", "David Dave Девід Дэвид",
    "Edward Ed Ted Едвард Эдвард", "Elizabeth Liz Єлизавета Елизавета", "Steven Stephen Steve Стівен Стивен",
    "Lech Лех",
)


def given_key(word: str) -> str:
    """A given name folded so that its transliterations meet: "Джейк" and "Jake" (дж is j)."""
    low = romanised(word.strip(".")).replace("dzh", "j")
    return re.sub("i+$", "i", sounds(low))


GIVEN_NAME_GROUP = {given_key(form): k for k, group in enumerate(GIVEN_NAME_GROUPS) for form in group.split()}


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a given name of the table above, in any of its spellings."""
    return given_key(word) in GIVEN_NAME_GROUP
