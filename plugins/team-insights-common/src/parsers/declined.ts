import { ANNOTATION_DECLINED_PRODUCTS } from '../annotations';
import { clip, normalizeRef, quote } from '../util';
import {
  FindingSink,
  type ParseOptions,
  type ParseResult,
  splitList,
} from './common';

/**
 * The longest reason a declined product keeps, in characters; a longer one is
 * cut there, with a warning.
 * @public
 */
export const MAX_DECLINE_REASON_LENGTH = 200;

/**
 * One item of `team-insights.io/declined-products`: the product and, when
 * the team gave one, why it declined it.
 * @public
 */
export interface DeclinedProduct {
  /** The product's entity ref, lower case. */
  productRef: string;
  /** Why the team declined it, trimmed; absent when no reason was given. */
  reason?: string;
}

function refOfDeclined(item: string, namespace: string): string | undefined {
  return item.length > 1024
    ? undefined
    : normalizeRef(item, {
        defaultKind: 'component',
        defaultNamespace: namespace,
        strict: true,
      });
}

/**
 * Splits one item into the product and its reason. Its findings name the
 * product only in `params.product`, not in `entityRefs`: they are about the
 * team's own text, which reads the same whether the product exists or not.
 *
 * The reason follows the first `: ` (colon and space). Typos are read as
 * meant: a colon without the space (`feature-store:needs streaming`) when
 * what precedes it is a ref and the whole is not, and a colon with nothing
 * after it.
 */
function splitDeclined(
  entry: string,
  namespace: string,
  sink: FindingSink,
): DeclinedProduct | undefined {
  const reasonAt = entry.indexOf(': ');
  let item = reasonAt < 0 ? entry : entry.slice(0, reasonAt).trim();
  let reason = reasonAt < 0 ? undefined : entry.slice(reasonAt + 2).trim();
  let ref = refOfDeclined(item, namespace);
  if (ref === undefined && reasonAt < 0 && item.endsWith(':')) {
    // `feature-store:`: a reason was meant and left out
    const bare = item.slice(0, -1).trim();
    ref = refOfDeclined(bare, namespace);
    if (ref !== undefined) {
      item = bare;
      reason = '';
    }
  }
  if (ref === undefined && reasonAt < 0) {
    // `feature-store:needs streaming`: the space after the colon is missing.
    // A ref holds at most one ':', so the reason starts at the first or second.
    const first = item.indexOf(':');
    const second = first < 0 ? -1 : item.indexOf(':', first + 1);
    for (const at of [second, first]) {
      const head = item.slice(0, at).trim();
      // `component:default/has spaces` is a broken ref, not `component` + a reason
      const tailIsRef = /^[\w.-]+\//.test(item.slice(at + 1));
      const candidate =
        at > 0 && !tailIsRef ? refOfDeclined(head, namespace) : undefined;
      if (candidate !== undefined) {
        sink.add(
          'declined-products.reason-missing-space',
          { params: { value: clip(head), product: candidate } },
          `${quote(
            head,
          )}: put a space after the ':' that starts the reason, e.g. 'feature-store: needs streaming'`,
        );
        ref = candidate;
        reason = item.slice(at + 1).trim();
        item = head;
        break;
      }
    }
  }
  if (ref === undefined) {
    sink.add(
      'declined-products.invalid-ref',
      { params: { value: clip(item) } },
      `${quote(
        item,
      )} is not an entity ref; write [kind:][namespace/]name, e.g. 'component:default/feature-store'`,
    );
    return undefined;
  }
  if (reason === undefined) return { productRef: ref };
  if (!reason) {
    sink.add(
      'declined-products.empty-reason',
      { params: { value: clip(item), product: ref } },
      `${quote(
        item,
      )} has a ':' but no reason after it; say why the team declined it, or drop the ':'`,
    );
    return { productRef: ref };
  }
  if (reason.length > MAX_DECLINE_REASON_LENGTH) {
    sink.add(
      'declined-products.reason-too-long',
      {
        params: {
          value: clip(item),
          product: ref,
          length: reason.length,
          max: MAX_DECLINE_REASON_LENGTH,
        },
      },
      `the reason for ${quote(item)} is ${
        reason.length
      } characters long; only the first ${MAX_DECLINE_REASON_LENGTH} are kept. Keep it to a sentence; link to a longer write-up`,
    );
    reason = `${reason.slice(0, MAX_DECLINE_REASON_LENGTH - 1).trimEnd()}…`;
  }
  return { productRef: ref, reason };
}

/**
 * Parses `team-insights.io/declined-products`: products (entity refs;
 * Components by default, in the entity's namespace by default), each with an
 * optional reason after `: `, items separated by `,` or `;` (so a reason
 * holds neither). A product listed twice keeps its first reason.
 * @public
 */
export function parseDeclineReasons(
  value: string | undefined,
  options?: ParseOptions & { defaultNamespace?: string },
): ParseResult<DeclinedProduct[]> {
  const sink = new FindingSink(
    options?.entityRef ?? '',
    ANNOTATION_DECLINED_PRODUCTS,
  );
  if (value === undefined) return { value: [], findings: [] };
  if (typeof value !== 'string') {
    sink.add('annotation.not-a-string', {}, 'value must be a string');
    return { value: [], findings: sink.findings };
  }
  const items = splitList(value, sink, /[,;]/, 'entity refs of products');
  if (!items) return { value: [], findings: sink.findings };
  const declined: DeclinedProduct[] = [];
  const namespace = options?.defaultNamespace ?? 'default';
  for (const entry of items) {
    const item = splitDeclined(entry, namespace, sink);
    if (!item) continue;
    const seen = declined.find(d => d.productRef === item.productRef);
    if (!seen) declined.push(item);
    else if (seen.reason === undefined && item.reason !== undefined) {
      seen.reason = item.reason;
    }
  }
  return { value: declined, findings: sink.findings };
}

/**
 * Parses `team-insights.io/declined-products` into the products' refs; see
 * {@link parseDeclineReasons} for the reasons too.
 * @public
 */
export function parseDeclinedProducts(
  value: string | undefined,
  options?: ParseOptions & { defaultNamespace?: string },
): ParseResult<string[]> {
  const { value: declined, findings } = parseDeclineReasons(value, options);
  return { value: declined.map(d => d.productRef), findings };
}
