package io.github.mlinfra.sagemaker;

import io.github.mlinfra.CheckedValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import org.immutables.value.Value;

/**
 * A JSON file a processing step writes to one of its outputs, which condition steps read with
 * {@link PipelineValue#jsonGet(String, String, String)}: {@code {"PropertyFileName": ...,
 * "OutputName": ..., "FilePath": ...}}.
 *
 * <pre>{@code
 * PropertyFile.of("EvaluationReport", "evaluation", "evaluation.json");
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class PropertyFile extends CheckedValue {
    /**
     * The property file name.
     *
     * @return the name
     */
    @Value.Parameter
    public abstract String getPropertyFileName();

    /**
     * The processing output holding the file.
     *
     * @return the output name
     */
    @Value.Parameter
    public abstract String getOutputName();

    /**
     * The file path within the output.
     *
     * @return the path
     */
    @Value.Parameter
    public abstract String getFilePath();

    /**
     * A property file.
     *
     * @param propertyFileName the name
     * @param outputName the processing output
     * @param filePath the file in it
     * @return the property file
     */
    public static PropertyFile of(String propertyFileName, String outputName, String filePath) {
        return ImmutablePropertyFile.of(propertyFileName, outputName, filePath);
    }

    /**
     * Writes the property file object.
     *
     * @param n the empty node
     */
    final void writeTo(ObjectNode n) {
        n.put("PropertyFileName", getPropertyFileName());
        n.put("OutputName", getOutputName());
        n.put("FilePath", getFilePath());
    }

    /**
     * Reads a property file object.
     *
     * @param n the node
     * @return the property file
     */
    static PropertyFile fromJson(JsonNode n) {
        return of(PipelineJson.text(n, "PropertyFileName"), PipelineJson.text(n, "OutputName"), PipelineJson.text(n, "FilePath"));
    }

    /** Validates on {@code build()}, in the project\'s error format. */
    @Override
    protected void check() {
        Check.matches("PropertyFile.propertyFileName", getPropertyFileName(), ProcessingInput.NAME, "letters, digits, _ and -");
        Check.notBlank("PropertyFile.filePath", getFilePath());
    }
}
