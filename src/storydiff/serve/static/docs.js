// Starts Swagger UI on /docs. A file of its own, not an inline script, so the docs page runs under
// a policy that allows scripts from this server only (api.DOCS_CSP).
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  layout: "BaseLayout",
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis],
});
