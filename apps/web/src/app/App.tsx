import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { BrowserRouter } from 'react-router';
import { createQueryClient } from '../lib/query-client';
import { AppRoutes } from './router';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      {/* Plain (non-transition) navigation updates: a navigation and a session change made in
          one step (sign-out, account deletion) must render together, or a guard on the old
          page would redirect to the login first. */}
      <BrowserRouter useTransitions={false}>
        {/* Only a language other than German (fetched on demand) suspends here, and only until its texts are in. */}
        <Suspense fallback={null}>
          <AppRoutes />
        </Suspense>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
