/**
 * Topic and intent, decided apart. The department head learns the topic (whose matter it is)
 * from the departments' own inquiries and the catalogue; a binary first-line head learns the
 * intent (a general information question the contact center answers under the agreement),
 * stacked on the topic probabilities, since which topics the first line answers is the
 * agreement's choice. The department probabilities are the mixture
 *
 *   P(first line) = q + (1 − q)·T(first line),   P(d) = (1 − q)·T(d) otherwise,
 *
 * so an information question about a department's service no longer teaches the topic head
 * that the department's own words mean "contact center".
 */

/** The department probabilities from the topic probabilities `topic` and the first-line probability `q`. */
export function mixFirstLine(topic: ArrayLike<number>, q: number, firstLine: number): Float64Array {
  const out = new Float64Array(topic.length);
  for (let c = 0; c < topic.length; c++) out[c] = (1 - q) * topic[c];
  out[firstLine] += q;
  return out;
}
