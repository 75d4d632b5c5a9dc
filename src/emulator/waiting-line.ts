/**
 * The emulator's queue: members in the order they joined, each with a ticket number. Members
 * leave from the front (`advance`, once the front one is no longer waiting); a member cancelled
 * in the middle is remembered by ticket until the front passes it. How many are ahead of a member
 * is then its ticket less the front's, less the cancelled ones between: O(1) per question
 * (O(log c) with c cancels in the line), and amortized O(1) per member to leave.
 *
 * Jobs all wait the same time in one emulator, so they stop waiting in the order they joined.
 * A job that stopped waiting out of that order without being cancelled (a synchronous submit)
 * is counted as ahead until the front passes it.
 */
export class WaitingLine<Member extends object> {
  private members: Member[] = [];
  /** Index in `members` of the front; tickets before it have left. */
  private front = 0;
  /** Tickets of the members dropped from `members` when it was compacted. */
  private dropped = 0;
  private readonly tickets = new WeakMap<Member, number>();
  /** Tickets of cancelled members not yet passed by the front, ascending. */
  private cancels: number[] = [];
  private readonly cancelledMembers = new WeakSet<Member>();

  join(member: Member): void {
    this.tickets.set(member, this.dropped + this.members.length);
    this.members.push(member);
  }

  /** Lets members leave from the front while `stillWaiting` says the front one is not. */
  advance(stillWaiting: (front: Member) => boolean): void {
    while (this.front < this.members.length && !stillWaiting(this.members[this.front]!))
      this.front++;
    const frontTicket = this.dropped + this.front;
    let passed = 0;
    while (passed < this.cancels.length && this.cancels[passed]! < frontTicket) passed++;
    if (passed > 0) this.cancels = this.cancels.slice(passed);
    // Compact now and then, so memory follows the jobs still queued, not every job ever made.
    if (this.front > 1024 && this.front * 2 > this.members.length) {
      this.members = this.members.slice(this.front);
      this.dropped += this.front;
      this.front = 0;
    }
  }

  /** A member that left from the middle of the line. Idempotent. */
  cancelled(member: Member): void {
    const ticket = this.tickets.get(member);
    if (ticket === undefined || ticket < this.dropped + this.front) return;
    if (this.cancelledMembers.has(member)) return;
    this.cancelledMembers.add(member);
    this.cancels.splice(countBelow(this.cancels, ticket), 0, ticket);
  }

  /** Members still in the line ahead of this one (0 for one that is not in it). */
  ahead(member: Member): number {
    const ticket = this.tickets.get(member);
    const frontTicket = this.dropped + this.front;
    if (ticket === undefined || ticket < frontTicket) return 0;
    return ticket - frontTicket - countBelow(this.cancels, ticket);
  }
}

/** How many of the ascending `values` are below `limit` (binary search). */
function countBelow(values: readonly number[], limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}
