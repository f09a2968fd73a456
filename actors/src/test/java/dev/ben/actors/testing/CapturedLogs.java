package dev.ben.actors.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class whose log is printed only for what fails: a passing test prints nothing, a failing
 * test (or a failing set-up or tear-down) prints everything logged since the last test that passed.
 * Needs the capturing appender of {@code logback-test.xml}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith({LogCapturingExtension.class, LogsOfFailedSetUp.class})
public @interface CapturedLogs {}
