// Runs `n` trivial statements through a D1 session, as Sanad's requests do, and nothing else: the CPU the
// local runtime spends per statement when the SQL itself costs nothing.
export default {
  async fetch(request, env) {
    const n = Math.min(50, Number(new URL(request.url).searchParams.get("n") ?? "1"));
    const db = env.DB.withSession("first-unconstrained");
    let last = null;
    for (let i = 0; i < n; i++) last = await db.prepare("SELECT ?1 AS v").bind(i).first();
    return Response.json(last);
  },
};
