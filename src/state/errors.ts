/** The errors the UI tells apart, from the layers below it: src/ui imports nothing from src/data. */
export { StaleWriteError } from '../data/repository';
export { AuthFailure } from '../data/auth';
