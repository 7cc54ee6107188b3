package dev.cosbot.testsupport;

import dev.cosbot.platform.spi.DigestButton;
import dev.cosbot.platform.spi.DigestItem;
import dev.cosbot.platform.spi.DigestRequest;
import dev.cosbot.platform.spi.DigestSource;
import dev.cosbot.platform.spi.TeamSignal;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Predicate;

/**
 * Tests only: lets a digest test hear from the sources it is about, since other test classes leave
 * their data in the shared database. A CDI decorator around every {@link DigestSource}, so the
 * production digest has no test hook; a source left out contributes nothing.
 */
@Decorator
@Priority(1)
public abstract class OnlyDigestSources implements DigestSource {
  private static volatile Predicate<String> allowed = name -> true;

  @Inject @Delegate @Any DigestSource delegate;

  /** Only sources whose name passes {@code filter} are asked; {@code null} asks all again. */
  public static void only(Predicate<String> filter) {
    allowed = filter == null ? name -> true : filter;
  }

  @Override
  public List<DigestItem> items(DigestRequest request) {
    return allowed.test(delegate.name()) ? delegate.items(request) : List.of();
  }

  // Default methods of the interface are not delegated on their own: pass them on explicitly.
  @Override
  public List<DigestButton> buttons(DigestItem item) {
    return delegate.buttons(item);
  }

  @Override
  public List<TeamSignal> teamSignals(DigestRequest request) {
    return allowed.test(delegate.name()) ? delegate.teamSignals(request) : List.of();
  }
}
