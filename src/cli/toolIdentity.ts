// Who the CLI is, for reports read by other tools (SARIF's driver): from package.json, the one place
// the name, version and publisher are written.
import { displayName, name, publisher, version } from '../../package.json';

export const toolIdentity = {
  name: displayName,
  version,
  /** The extension's Marketplace page (publisher.name), the project's public home. */
  informationUri: `https://marketplace.visualstudio.com/items?itemName=${publisher}.${name}`,
} as const;
