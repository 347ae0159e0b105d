import { createContext } from 'svelte';
import type { ConsoleDesk } from './desk.svelte';

/**
 * The console's parts (columns, stage, panels) reach the live room, its commands and the notice
 * line through the desk the page sets here, instead of `run` and `send` handed down as props.
 */
const [useConsoleDesk, setConsoleDesk] = createContext<ConsoleDesk>();

export { setConsoleDesk, useConsoleDesk };
