import { useOutletContext } from 'react-router-dom';

/** What every supervision page is given by the shell: the supervisor's regions and the one shown. */
export interface SupervisionContext {
  regions: string[];
  region: string;
}

export const useSupervision = () => useOutletContext<SupervisionContext>();

/** The development token names the supervisor's regions; the server checks it on every request. */
export const DEV_SUPERVISOR_PREFIX = 'dev-supervisor:';
