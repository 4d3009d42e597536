/** Entry point of `npm run build`: runs the CLI and sets the exit status. */
import { main } from './cli.js';

process.exitCode = await main(process.argv.slice(2));
