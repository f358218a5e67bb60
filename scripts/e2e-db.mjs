// Creates or drops the e2e database on the server at TEST_DATABASE_URL; prints its URL on create.
import postgres from "postgres";

const [action, name] = process.argv.slice(2);
if (!/^fm_e2e_[a-z0-9_]+$/.test(name ?? "") || !["create", "drop"].includes(action ?? "")) {
  console.error("usage: node scripts/e2e-db.mjs create|drop fm_e2e_<name>");
  process.exit(2);
}
const admin = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
if (action === "create") {
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  console.log(url.toString());
} else {
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
await admin.end();
