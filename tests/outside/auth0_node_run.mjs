// Drives the official node `auth0` package, unchanged, against an HTTPS sandbox; prints what it saw as JSON.
// Run by test_official_sdks.py with SANDBOX_DOMAIN, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_ROLE
// and the CA trusted through NODE_EXTRA_CA_CERTS. It signs in with client credentials, so the SDK
// also gets its token from the sandbox's /oauth/token.
import { Management, ManagementClient } from "auth0";

const CONNECTION = "Username-Password-Authentication";

async function errorSeen(call) {
  try {
    await call();
  } catch (error) {
    if (error instanceof Management.NotFoundError || error instanceof Management.ConflictError) {
      return { type: error.constructor.name, status: error.statusCode };
    }
    throw error;
  }
  return { type: null, status: null };
}

const client = new ManagementClient({
  domain: process.env.SANDBOX_DOMAIN,
  clientId: process.env.SANDBOX_CLIENT_ID,
  clientSecret: process.env.SANDBOX_CLIENT_SECRET,
});
const users = client.users;
const report = {};

let page = await users.list({ per_page: 10, page: 0, include_totals: true, sort: "created_at:1" });
report.pages = 1;
report.listed = page.data.map((user) => user.user_id);
while (page.hasNextPage()) {
  page = await page.getNextPage();
  report.pages += 1;
  report.listed.push(...page.data.map((user) => user.user_id));
}

const email = "ada.lovelace@example.com";
const created = await users.create({
  connection: CONNECTION,
  email,
  password: "Correct-Horse-9!",
  user_metadata: { theme: "dark", lang: "en" },
});
const userId = created.user_id;
report.created = { user_id: userId, email: created.email, user_metadata: created.user_metadata };
const fetched = await users.get(userId);
report.fetched = { email: fetched.email, user_metadata: fetched.user_metadata };
const updated = await users.update(userId, { user_metadata: { lang: "fr", theme: null }, name: "Ada" });
report.updated = { name: updated.name, user_metadata: updated.user_metadata };

await users.roles.assign(userId, { roles: [process.env.SANDBOX_ROLE] });
const roles = [];
for await (const role of await users.roles.list(userId)) {
  roles.push(role.id);
}
report.roles = roles;

report.conflict = await errorSeen(() => users.create({ connection: CONNECTION, email, password: "Other-Horse-9!" }));
await users.delete(userId);
report.not_found = await errorSeen(() => users.get(userId));
process.stdout.write(JSON.stringify(report));
