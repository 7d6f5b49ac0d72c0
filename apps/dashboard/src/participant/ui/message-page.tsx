import type { ReactNode } from 'react';
import { useFocusHeading } from './use-focus-heading';

export interface MessagePageProps {
  title: string;
  children: ReactNode;
}

/** A page that only tells something: a heading that takes focus, then the text. */
export function MessagePage({ title, children }: MessagePageProps) {
  const { ref } = useFocusHeading();
  return (
    <section className="take-message" aria-labelledby="take-message-title">
      <h1 id="take-message-title" ref={ref} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </section>
  );
}
