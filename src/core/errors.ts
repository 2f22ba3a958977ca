/**
 * Thrown for input that cannot be answered at all (missing or wrongly typed fields, an unknown
 * flow or language). Unknown providers and codes are not errors: they get a safe `unmapped` decision.
 */
export class PaycodesInputError extends TypeError {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'PaycodesInputError';
    this.field = field;
  }
}
