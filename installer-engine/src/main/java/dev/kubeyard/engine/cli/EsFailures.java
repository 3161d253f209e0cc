package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.apps.elasticsearch.rest.EsException;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateFailed;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateRefused;
import java.util.concurrent.Callable;

/** Runs an es command body and turns the engine's refusals and failures into a message and exit 1. */
final class EsFailures {
  private EsFailures() {}

  static int report(Callable<Integer> body) {
    try {
      return body.call();
    } catch (UpdateRefused e) {
      System.err.println("refused: " + e.getMessage() + "\n  what to do: " + e.hint());
    } catch (UpdateFailed e) {
      System.err.println("failed: " + e.getMessage() + "\n  what to do: " + e.hint());
    } catch (EsException e) {
      System.err.println("failed: " + e.getMessage() + "\n  what to do: " + e.hint());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.err.println("interrupted; run the same command again to resume");
    } catch (Exception e) {
      System.err.println("failed: " + e.getMessage());
    }
    return 1;
  }
}
