// Records one 👎 in the given data directory, says so, then waits to be killed.
import { Store } from "../../src/store/store.ts";

const [dataDir, question] = process.argv.slice(2);
const store = Store.open(dataDir ?? "./data");
store.recordFeedback({
  question: question ?? "?",
  vote: "down",
  platform: "discord",
  userId: "U-killed",
  answer: "an answer",
});
process.stdout.write("recorded\n");
setInterval(() => {}, 1000);
