// The baseline: the smallest Worker there is, run by the same workerd in the same bench run.
export default {
  fetch: () => new Response("Hello World", { headers: { "content-type": "text/plain" } }),
} satisfies ExportedHandler;
