package io.github.mlinfra.controls;

import io.github.mlinfra.CheckedValue;
import io.github.mlinfra.aws.TagRules;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A control turned off by name, with a written justification. A waiver travels in full with the
 * plan (each concerned resource's {@code waivers}) and with the component's registered outputs
 * (key {@code mlinfra:waivers}, so the Pulumi state and {@code pulumi stack export} carry it), on
 * the deployed resource as a tag {@code mlinfra:waiver:<id>} whose value is {@link #tagValue()},
 * and in every posture report as a suppressed finding with its reason.
 *
 * <p>A justification is a sentence, not filler: at least {@value #MIN_JUSTIFICATION_LENGTH}
 * characters and at least {@value #MIN_WORDS} words of at least {@value #MIN_WORD_LETTERS} letters
 * each ({@code "a b c d e f"} and {@code "ok ok ok ok ok ok ok"} are refused). This is the one
 * place justifications are validated.
 *
 * <pre>{@code
 * Waiver.of(Control.S3_ACCESS_LOGGING,
 *     "Scratch bucket for a one-day experiment; CloudTrail data events cover access.")
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class Waiver extends CheckedValue {
    /** The shortest justification accepted, in characters. */
    public static final int MIN_JUSTIFICATION_LENGTH = 20;
    /** The tag key prefix on AWS resources. */
    public static final String TAG_PREFIX = "mlinfra:waiver:";
    /** AWS's limit on tag values ({@link TagRules#MAX_VALUE_LENGTH}). */
    public static final int TAG_VALUE_LIMIT = TagRules.MAX_VALUE_LENGTH;
    /** The fewest real words a justification has. */
    public static final int MIN_WORDS = 3;
    /** The fewest letters of a real word. */
    public static final int MIN_WORD_LETTERS = 3;
    /** The tag value when nothing of the justification is left in AWS's tag alphabet. */
    public static final String TAG_VALUE_FALLBACK = "waived";

    private static final Pattern WORD = Pattern.compile("\\p{L}{" + MIN_WORD_LETTERS + ",}");
    private static final Pattern OUTSIDE_ALPHABET = Pattern.compile("[^\\p{L}\\p{Z}\\p{N}_.:/=+\\-@\\s]");
    private static final Pattern SPACES = Pattern.compile("[\\p{Z}\\s]+");

    /**
     * The control turned off.
     *
     * @return the control
     */
    @Value.Parameter
    public abstract Control getControl();

    /**
     * Why the control is off: at least a sentence ({@value #MIN_JUSTIFICATION_LENGTH} characters
     * and {@value #MIN_WORDS} words of at least {@value #MIN_WORD_LETTERS} letters).
     *
     * @return the justification
     */
    @Value.Parameter
    public abstract String getJustification();

    /**
     * Creates a waiver.
     *
     * @param control the control turned off
     * @param justification why, at least a sentence
     * @return the waiver
     * @throws io.github.mlinfra.InvalidArgsException when the justification is shorter than a sentence
     */
    public static Waiver of(Control control, String justification) {
        return ImmutableWaiver.of(control, justification);
    }

    /**
     * Whether this waiver was read from a record (a plan's {@code waivers}, a deployed resource's
     * {@code mlinfra:waiver:<id>} tag) rather than written by a program. A recorded reason is taken
     * as it stands: the authoring rule (a sentence) applies where a waiver is written, not where
     * one is read, so a tag value cut by AWS's rules, or set by another tool, still names the
     * reason. Default {@code false}: waivers a program writes are checked.
     *
     * @return true for a waiver read from a record
     */
    @Value.Default
    @Value.Auxiliary
    public boolean isRecorded() {
        return false;
    }

    /**
     * A waiver as a record holds it (a plan file, a deployed resource's tag): any non-blank reason is
     * kept as it stands, with no check of its length.
     *
     * @param control the control turned off
     * @param reason the recorded reason; a blank one reads as {@code "(no reason recorded)"}
     * @return the waiver, {@link #isRecorded()} true
     */
    public static Waiver recorded(Control control, String reason) {
        String r = reason == null || reason.isBlank() ? "(no reason recorded)" : reason;
        return ImmutableWaiver.builder().control(control).justification(r).recorded(true).build();
    }

    /**
     * The tag key recording this waiver on AWS.
     *
     * @return {@code mlinfra:waiver:<id>}
     */
    public String tagKey() {
        return TAG_PREFIX + getControl().id();
    }

    /**
     * The tag value recording this waiver on AWS: the justification reduced to AWS's common tag
     * alphabet ({@value TagRules#ALPHABET_WORDS}; other characters dropped, line breaks and runs of
     * spaces collapsed to one space), cut at a word boundary to at most
     * {@value #TAG_VALUE_LIMIT} characters, never empty ({@value #TAG_VALUE_FALLBACK} when nothing is
     * left), with no ellipsis. S3, IAM, CloudWatch Logs, SageMaker, EC2, KMS and CloudTrail all
     * accept it (see {@link TagRules}). The full text stays in the plan and the registered outputs.
     *
     * @return the tag value
     */
    public String tagValue() {
        return tagValue(getJustification());
    }

    /**
     * Reduces a text to a tag value every AWS service accepts, as {@link #tagValue()} does.
     *
     * @param text the text
     * @return the tag value, 1 to {@value #TAG_VALUE_LIMIT} characters of AWS's tag alphabet
     */
    public static String tagValue(String text) {
        String s = OUTSIDE_ALPHABET.matcher(text == null ? "" : text).replaceAll("");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        if (s.codePointCount(0, s.length()) > TAG_VALUE_LIMIT) {
            int end = s.offsetByCodePoints(0, TAG_VALUE_LIMIT);
            // the cut keeps whole words: back up to the last space at or before the limit
            int space = s.charAt(end) == ' ' ? end : s.lastIndexOf(' ', end);
            s = (space > 0 ? s.substring(0, space) : s.substring(0, end)).strip();
        }
        return s.isEmpty() ? TAG_VALUE_FALLBACK : s;
    }

    /** What a justification must be, in words, for messages. */
    public static final String SENTENCE_RULE = "a sentence of at least " + MIN_JUSTIFICATION_LENGTH
            + " characters with at least " + MIN_WORDS + " words of " + MIN_WORD_LETTERS + " or more letters";

    /**
     * Whether a text is a justification: at least {@value #MIN_JUSTIFICATION_LENGTH} characters and
     * {@value #MIN_WORDS} words of at least {@value #MIN_WORD_LETTERS} letters (not filler such as
     * {@code "a b c d e f"}). The one rule for waivers and the guard's suppressions alike.
     *
     * @param text the justification
     * @return true when it is a sentence
     */
    public static boolean isSentence(String text) {
        String j = text == null ? "" : text.strip();
        return j.length() >= MIN_JUSTIFICATION_LENGTH && realWords(j) >= MIN_WORDS;
    }

    /**
     * The number of real words in a text: runs of at least {@value #MIN_WORD_LETTERS} letters.
     *
     * @param text the text
     * @return the count
     */
    static int realWords(String text) {
        Matcher m = WORD.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Validates the values on {@code build()}; throws {@link io.github.mlinfra.InvalidArgsException}. */
    @Override
    protected void check() {
        if (isRecorded()) {
            return;
        }
        if (getControl().isPreflight()) {
            Check.fail("Waiver.control", "a preflight control cannot be waived: AWS or the provider would refuse "
                    + "the deployment (a user may suppress a finding with a reason, mlinfra check --suppress)",
                    getControl().id(), "a posture control (not MLI-PRE-*)");
        }
        String j = getJustification() == null ? "" : getJustification().strip();
        if (!isSentence(j)) {
            Check.fail("Waiver.justification", "too short or filler to justify waiving " + getControl().id(), j,
                    SENTENCE_RULE);
        }
    }
}
