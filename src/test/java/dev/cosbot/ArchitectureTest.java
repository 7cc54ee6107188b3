package dev.cosbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layer rules of docs/architecture.md, checked on the compiled production classes: platform
 * (Slack client, outbox, scheduler, people, database, support, SPIs) → ingress (HTTP, Bolt, /cos
 * router, API filter) → features (every other package under {@code dev.cosbot}).
 */
class ArchitectureTest {
  static final String PLATFORM = "dev.cosbot.platform..";
  static final String INGRESS = "dev.cosbot.ingress..";

  /**
   * Services that still build Block Kit. Every name here is a debt to pay, not a permission: a
   * service that no longer needs it must leave the list (checked below), and no name may be added.
   */
  static final Set<String> SERVICES_STILL_BUILDING_BLOCK_KIT = Set.of();

  static JavaClasses production;

  @BeforeAll
  static void importClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.cosbot");
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.cosbot.(**)").should().beFreeOfCycles().check(production);
  }

  @Test
  void platformImportsNeitherIngressNorFeatures() {
    classes()
        .that()
        .resideInAPackage(PLATFORM)
        .should()
        .onlyDependOnClassesThat(
            DescribedPredicate.describe(
                "are outside dev.cosbot or in dev.cosbot.platform",
                (JavaClass c) -> !c.getPackageName().startsWith("dev.cosbot") || isPlatform(c)))
        .check(production);
  }

  @Test
  void ingressImportsNoFeature() {
    classes()
        .that()
        .resideInAPackage(INGRESS)
        .should()
        .onlyDependOnClassesThat(
            DescribedPredicate.describe(
                "are outside dev.cosbot, in the platform or in ingress",
                (JavaClass c) ->
                    !c.getPackageName().startsWith("dev.cosbot")
                        || isPlatform(c)
                        || c.getPackageName().startsWith("dev.cosbot.ingress")))
        .check(production);
  }

  @Test
  void featuresNeverImportEachOther() {
    slices().assignedFrom(FEATURES).should().notDependOnEachOther().check(production);
  }

  @Test
  void servicesNeverImportBlockKit() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("Service")
        .and(
            DescribedPredicate.describe(
                "are not on the shrinking list of services still building Block Kit",
                (JavaClass c) -> !SERVICES_STILL_BUILDING_BLOCK_KIT.contains(c.getName())))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.slack.api.model.block..", "com.slack.api.model.view..")
        .check(production);
  }

  @Test
  void theBlockKitDebtListOnlyShrinks() throws IOException {
    // Bytecode does not show a Block Kit type used only as a generic argument of a local variable,
    // so the source imports are checked too.
    Set<String> building = new TreeSet<>();
    Path main = Path.of("src/main/java");
    try (Stream<Path> files = Files.walk(main)) {
      for (Path file : files.filter(f -> f.toString().endsWith("Service.java")).toList()) {
        String source = Files.readString(file);
        if (source.contains("import com.slack.api.model.block.")
            || source.contains("import com.slack.api.model.view.")) {
          String name = main.relativize(file).toString().replace('/', '.');
          building.add(name.substring(0, name.length() - ".java".length()));
        }
      }
    }
    assertThat(building)
        .as(
            "services importing Block Kit: only the listed ones, and a paid-off one leaves the list")
        .containsExactlyInAnyOrderElementsOf(SERVICES_STILL_BUILDING_BLOCK_KIT);
  }

  /**
   * Services that still hold words for people (answers, refusals, field errors). Every name here is
   * a debt to pay, not a permission: the words belong in the feature's messages/Blocks class, the
   * service returns what happened. A service that no longer holds any must leave the list, and no
   * name may be added.
   */
  static final Set<String> SERVICES_STILL_HOLDING_TEXT = Set.of();

  @Test
  void servicesHoldNoUserFacingText() throws IOException {
    Set<String> holding = new TreeSet<>();
    Path main = Path.of("src/main/java");
    try (Stream<Path> files = Files.walk(main)) {
      for (Path file : files.filter(f -> f.toString().endsWith("Service.java")).toList()) {
        if (!userFacingText(Files.readString(file)).isEmpty()) {
          String name = main.relativize(file).toString().replace('/', '.');
          holding.add(name.substring(0, name.length() - ".java".length()));
        }
      }
    }
    assertThat(holding)
        .as(
            "services holding user-facing text: only the listed ones, and a paid-off one leaves the"
                + " list")
        .containsExactlyInAnyOrderElementsOf(SERVICES_STILL_HOLDING_TEXT);
  }

  /**
   * String literals that read as words for a person: a capital letter, a lower-case word and a
   * space ({@code "That initiative no longer exists."}), outside comments, log calls, internal
   * exceptions and SQL.
   */
  static List<String> userFacingText(String source) {
    String code =
        source
            .replaceAll("(?s)/\\*.*?\\*/", "")
            .replaceAll("(?m)^\\s*//.*$", "")
            .replaceAll("(?s)LOG\\.\\w+\\((?:\"(?:[^\"\\\\]|\\\\.)*\"|[^;\"])*\\);", "")
            .replaceAll(
                "(?s)new Illegal(State|Argument)Exception\\((?:\"(?:[^\"\\\\]|\\\\.)*\"|[^;\"])*\\)",
                "");
    List<String> found = new java.util.ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(code);
    while (m.find()) {
      String literal = m.group(1);
      if (literal.matches("[*_`]?[A-Z][a-z']+ .*")
          && !literal.matches(
              "(SELECT|UPDATE|INSERT|DELETE|WITH|FROM|WHERE|AND|OR|ORDER|GROUP|JOIN|SET|VALUES) .*")) {
        found.add(literal);
      }
    }
    return found;
  }

  /**
   * The same layer rules on the source imports: a constant used in an annotation ({@code @Tag(name
   * = …)}) is copied into the class file, so bytecode alone does not show that dependency.
   */
  @Test
  void sourceImportsFollowTheLayersToo() throws IOException {
    Set<String> wrong = new TreeSet<>();
    Path main = Path.of("src/main/java/dev/cosbot");
    try (Stream<Path> files = Files.walk(main)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String from = top(main.relativize(file));
        for (String line : Files.readAllLines(file)) {
          if (!line.startsWith("import dev.cosbot.")
              && !line.startsWith("import static dev.cosbot.")) {
            continue;
          }
          String to = line.replaceFirst("import (static )?dev\\.cosbot\\.", "").split("\\.")[0];
          boolean allowed =
              to.equals(from)
                  || to.equals("platform")
                  || (to.equals("ingress") && !from.equals("platform"));
          if (!allowed) {
            wrong.add(main.relativize(file) + ": " + line);
          }
        }
      }
    }
    assertThat(wrong).as("imports against the layers (platform → ingress → features)").isEmpty();
  }

  /** The top-level package of a source file under dev/cosbot ("" for the root package). */
  private static String top(Path relative) {
    return relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
  }

  static boolean isPlatform(JavaClass c) {
    return c.getPackageName().equals("dev.cosbot.platform")
        || c.getPackageName().startsWith("dev.cosbot.platform.");
  }

  /** Each top-level package that is neither platform nor ingress is one feature. */
  static final SliceAssignment FEATURES =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
          String pkg = javaClass.getPackageName();
          if (!pkg.startsWith("dev.cosbot.")) {
            return SliceIdentifier.ignore();
          }
          String top = pkg.substring("dev.cosbot.".length()).split("\\.")[0];
          if (top.equals("platform") || top.equals("ingress")) {
            return SliceIdentifier.ignore();
          }
          return SliceIdentifier.of("feature " + top);
        }

        @Override
        public String getDescription() {
          return "features (top-level packages other than platform and ingress)";
        }
      };
}
