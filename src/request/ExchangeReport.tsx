import type { EnvironmentConfig } from '../config/types.ts';
import { toCurl } from '../shared/bearer/toCurl.ts';
import { useServerTime } from '../shared/serverTime.tsx';
import { choiceLabel } from './editor/draft.ts';
import type { Exchange } from './flow/sendPipeline.ts';
import { BugReport } from './report/BugReport.tsx';
import { sendReport } from './report/sendReport.ts';

/** The bug report of one answer: the exchange as the report reads it. */
export function ExchangeReport({
  exchange,
  environment,
}: {
  exchange: Exchange;
  environment: EnvironmentConfig;
}) {
  const { clock } = useServerTime();
  const make = () =>
    sendReport({
      environment: {
        label: environment.label,
        authority: environment.authority,
        apiBaseUrl: environment.api.baseUrl,
      },
      sentAtMs: exchange.sentAtMs,
      skewMs: clock.skewMs,
      skewMeasured: clock.measured,
      tokenLabel: exchange.tokenLabel ?? choiceLabel(exchange.choice),
      request: exchange.request,
      result: exchange.result,
      token: exchange.token,
      verdict: exchange.verdict,
      curl: toCurl(exchange.request),
    });
  return <BugReport make={make} of="this response" />;
}
