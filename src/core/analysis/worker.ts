// Worker-thread entry: analyses batches of draft bodies off the main thread.
import { parentPort } from 'node:worker_threads';
import { analyzeJobs, type AnalysisJob } from './analysis';
import { errorDetail } from '../util/result';

export interface AnalysisRequest {
  id: number;
  jobs: AnalysisJob[];
  wordsPerMinute: number;
}

export type AnalysisResponse = { id: number; results: ReturnType<typeof analyzeJobs> } | { id: number; error: string };

parentPort?.on('message', (request: AnalysisRequest) => {
  let response: AnalysisResponse;
  try {
    response = { id: request.id, results: analyzeJobs(request.jobs, { wordsPerMinute: request.wordsPerMinute }) };
  } catch (error) {
    response = { id: request.id, error: errorDetail(error) };
  }
  parentPort?.postMessage(response);
});
