/** The annotations of Components, APIs and Resources. */
import {
  ANNOTATION_CONCERN,
  ANNOTATION_MANDATORY,
  ANNOTATION_PRODUCT,
} from '../annotations';
import { newFinding } from '../findingCodes';
import { parseBooleanAnnotation, parseConcern } from '../parsers';
import type { EntityAnnotations, ReadContext } from './types';

/** Reads product, mandatory and concern into `result`. */
export function readProductAnnotations(
  { ref, read, config }: ReadContext,
  result: EntityAnnotations,
) {
  const { findings } = result;
  const base = { entityRef: ref, config };
  const product = parseBooleanAnnotation(read(ANNOTATION_PRODUCT), {
    ...base,
    annotation: ANNOTATION_PRODUCT,
  });
  findings.push(...product.findings);
  result.product = product.value;
  const mandatory = parseBooleanAnnotation(read(ANNOTATION_MANDATORY), {
    ...base,
    annotation: ANNOTATION_MANDATORY,
  });
  findings.push(...mandatory.findings);
  result.mandatory = mandatory.value;
  if (mandatory.value === true && product.value === false) {
    findings.push(
      newFinding({
        code: 'product.mandatory-not-product',
        entityRef: ref,
        annotation: ANNOTATION_MANDATORY,
        message: `${ANNOTATION_MANDATORY} has no effect: the entity is marked as not a product (${ANNOTATION_PRODUCT}: 'false')`,
      }),
    );
  }
  const concern = parseConcern(read(ANNOTATION_CONCERN), base);
  findings.push(...concern.findings);
  result.concern = concern.value;
}
