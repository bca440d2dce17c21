import { parseArgs } from "node:util";
import { loadDotEnv } from "../env-file.ts";
import { groupUnanswered, mostDisliked } from "../store/gaps.ts";
import { Store } from "../store/store.ts";
import { quietOnClosedPipe } from "./pipe.ts";

quietOnClosedPipe();
loadDotEnv();

const { values } = parseArgs({
  options: {
    days: { type: "string", default: "30" },
    json: { type: "boolean", default: false },
    limit: { type: "string", default: "15" },
  },
});
const days = Number(values.days);
const limit = Number(values.limit);
if (!Number.isInteger(days) || days < 1 || !Number.isInteger(limit) || limit < 1) {
  process.stderr.write("--days and --limit take whole numbers of at least 1\n");
  process.exit(2);
}
const store = Store.open(process.env.PARLEY_DATA_DIR ?? "./data");
const since = new Date(Date.now() - days * 86_400_000);
const gaps = groupUnanswered(store.unansweredSince(since), limit);
const disliked = mostDisliked(store.feedbackSince(since), limit);
store.close();

if (values.json) {
  process.stdout.write(`${JSON.stringify({ days, unanswered: gaps, disliked })}\n`);
} else {
  console.log(`Unanswered questions, last ${days} days (grouped by wording):`);
  if (gaps.length === 0) console.log("  none");
  for (const g of gaps) {
    console.log(
      `  ${String(g.count).padStart(4)}×  ${g.question}   (${g.askers} asker${g.askers === 1 ? "" : "s"}, last ${g.last.slice(0, 10)})`,
    );
    for (const v of g.variants) console.log(`         also: ${v}`);
  }
  console.log(`\nMost disliked answers, last ${days} days:`);
  if (disliked.length === 0) console.log("  none");
  for (const d of disliked)
    console.log(
      `  👎 ${d.dislikes}${d.likes ? ` 👍 ${d.likes}` : ""}  ${d.question}\n         → ${d.answer.slice(0, 160)}`,
    );
}
