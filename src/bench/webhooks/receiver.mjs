// Webhook receiver for the benchmark: answers 204 at once and records, per webhook-id, how many
// times it arrived and how late (arrival − the event's timestamp). GET /stats reports, GET /reset clears.
import http from "node:http";

const port = Number(process.argv[2] || 9000);
let counts = new Map();
let lateness = [];
let first = 0, last = 0;

http.createServer((req, res) => {
  if (req.method === "GET") {
    if (req.url === "/reset") { counts = new Map(); lateness = []; first = last = 0; res.end("ok"); return; }
    const sorted = Float64Array.from(lateness).sort();
    const q = p => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : null;
    let received = 0;
    for (const c of counts.values()) received += c;
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ received, distinct: counts.size, duplicates: received - counts.size,
      p50_ms: q(0.5), p99_ms: q(0.99), max_ms: sorted.length ? sorted[sorted.length - 1] : null,
      first_ms: first, last_ms: last }));
    return;
  }
  const chunks = [];
  req.on("data", c => chunks.push(c));
  req.on("end", () => {
    const now = Date.now();
    const id = req.headers["webhook-id"];
    counts.set(id, (counts.get(id) || 0) + 1);
    try {
      lateness.push(now - Date.parse(JSON.parse(Buffer.concat(chunks).toString("utf8")).timestamp));
    } catch { /* counted, not timed */ }
    if (!first) first = now;
    last = now;
    res.statusCode = 204;
    res.end();
  });
}).listen(port, "127.0.0.1");
