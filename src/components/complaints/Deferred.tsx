import { Component, type ReactNode, Suspense } from "react";

interface Props {
  /** Shown while the part's code loads. */
  loading?: ReactNode;
  /** Shown when its code could not be loaded (a dropped connection): the rest of the form goes on. */
  failed: ReactNode;
  children: ReactNode;
}

/**
 * A part of the filing form whose code loads when it is shown rather than with the page (the map
 * beside the community list, the Turnstile check that needs the network anyway), so the page's
 * first download stays small; if the code does not arrive, it says so and the form still works.
 * The browser remembers a failed module load until the page is reloaded, which keeps the draft.
 */
export class Deferred extends Component<Props, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (this.state.failed) return this.props.failed;
    return <Suspense fallback={this.props.loading ?? null}>{this.props.children}</Suspense>;
  }
}
