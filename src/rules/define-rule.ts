import type { Messages, Rule, RuleDefinition } from './types.js';

/** Checks a rule's id and name, and points its URL at the guideline it enforces. */
export function defineRule<M extends Messages>(definition: RuleDefinition<M>): Rule<M> {
  if (!/^PY\d{3}$/.test(definition.id)) throw new Error(`rule id ${definition.id} is not of the form PY000`);
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(definition.name)) throw new Error(`rule name ${definition.name} is not kebab-case`);
  const { check, ...meta } = definition;
  return { meta: { ...meta, url: definition.docs.link }, check };
}
