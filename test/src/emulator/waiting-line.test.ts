import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WaitingLine } from "../../../src/emulator/waiting-line.js";

type Member = { n: number; waiting: boolean };

describe("the emulator's waiting line", () => {
  it("counts the members still waiting ahead of each one, as a scan of every member would", () => {
    // Members join, some leave from the front (their wait is over) and some are cancelled
    // anywhere; after every step each member's count equals the one a full scan gives.
    const step = fc.oneof(
      fc.constant({ kind: "join" as const }),
      fc.record({ kind: fc.constant("finish" as const), count: fc.nat(5) }),
      fc.record({ kind: fc.constant("cancel" as const), at: fc.nat(2_000) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 300 }), (steps) => {
        const line = new WaitingLine<Member>();
        const members: Member[] = [];
        let finished = 0;
        for (const s of steps) {
          if (s.kind === "join") {
            const member = { n: members.length, waiting: true };
            members.push(member);
            line.join(member);
          } else if (s.kind === "finish") {
            // Waits end in the order members joined.
            for (let i = 0; i < s.count && finished < members.length; i++)
              members[finished++]!.waiting = false;
          } else if (members.length > 0) {
            const member = members[s.at % members.length]!;
            member.waiting = false;
            line.cancelled(member);
          }
          line.advance((front) => front.waiting);
          for (const member of members.filter((m) => m.waiting)) {
            const scan = members.filter((m) => m.n < member.n && m.waiting).length;
            expect(line.ahead(member)).toBe(scan);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("keeps counting right after it drops thousands of members that left", () => {
    const line = new WaitingLine<Member>();
    const members = Array.from({ length: 5_000 }, (_, n) => ({ n, waiting: true }));
    for (const member of members) line.join(member);
    for (const member of members.slice(0, 4_000)) member.waiting = false;
    members[4_500]!.waiting = false;
    line.cancelled(members[4_500]!);
    line.advance((front) => front.waiting);
    expect(line.ahead(members[4_000]!)).toBe(0);
    expect(line.ahead(members[4_999]!)).toBe(998);
    const late = { n: 5_000, waiting: true };
    line.join(late);
    expect(line.ahead(late)).toBe(999);
  });
});
