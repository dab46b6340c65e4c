// A stand-in for a model, so that promptfoo runs offline and gives the same results every time: it
// answers from the knowledge-base passage in the prompt and follows the prompt's two instructions
// that the assertions look at (cite the passage; acknowledge feelings at length).
export default class LocalAssistant {
  constructor(options) {
    this.providerId = options?.id ?? 'local-assistant';
  }

  id() {
    return this.providerId;
  }

  async callApi(prompt) {
    const passage = /Passage KB-(\d+): (.*)/.exec(prompt);
    if (!passage) {
      return { error: 'the prompt holds no knowledge-base passage' };
    }
    const [, kb, text] = passage;
    let answer = text.split('. ')[0].replace(/\.$/, '') + '.';
    if (/feelings at length/i.test(prompt)) {
      answer = 'I am so sorry to hear that this has been frustrating, and I completely understand how stressful it ' +
        'can be when something you rely on every day does not work the way you expect it to. ' + answer;
    }
    if (/cite/i.test(prompt)) {
      answer += ` [KB-${kb}]`;
    }
    return { output: answer };
  }
}
