export { localized as localizedName } from '../../../lib/localized';
