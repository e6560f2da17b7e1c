// Reads {secret, headers, body} as JSON on stdin and verifies the message with the Standard
// Webhooks reference library: prints "verified <event id>" and exits 0, or exits 1 with the reason.
import { Webhook } from "standardwebhooks";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { secret, headers, body } = JSON.parse(input);
try {
  const payload = new Webhook(secret).verify(body, headers);
  process.stdout.write("verified " + (payload && payload.id));
} catch (e) {
  process.stderr.write(String(e && e.message ? e.message : e));
  process.exit(1);
}
