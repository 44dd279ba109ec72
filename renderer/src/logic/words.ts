// Place wording and capitalisation, shared with the printed slip.
export { capitalize, placeText } from '../../../electron/common/place';
