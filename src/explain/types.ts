/** Award explanations and rule costs: the types live in the model (result.json carries them). */
export type * from '../model/explanation.js';
