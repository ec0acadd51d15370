package io.github.mlinfra.compute;

import io.github.mlinfra.internal.MlInfraStyle;
import org.immutables.value.Value;

/**
 * An encrypted gp3 EBS data volume of a {@link HardenedGpuTrainer}, in the instance's availability
 * zone, attached at a device name. Validated when the {@link HardenedGpuTrainerArgs} are built.
 *
 * <pre>{@code
 * DataVolume.of(500, "/dev/sdh")
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class DataVolume {
    /**
     * The size in GiB (1–16384, gp3's limits).
     *
     * @return the size
     */
    @Value.Parameter
    public abstract int getSizeGib();

    /**
     * The device name the volume is attached at: {@code /dev/sd[f-p]} or {@code /dev/xvd[f-p]}
     * (the names AWS recommends for EBS data volumes on Linux). Unique per trainer; the child
     * resources are named after it, so changing it replaces the volume.
     *
     * @return the device name
     */
    @Value.Parameter
    public abstract String getDeviceName();

    /**
     * A volume of a size at a device name.
     *
     * @param sizeGib the size in GiB (1–16384)
     * @param deviceName e.g. {@code /dev/sdh}
     * @return the volume
     */
    public static DataVolume of(int sizeGib, String deviceName) {
        return ImmutableDataVolume.of(sizeGib, deviceName);
    }

    /**
     * The short device name used in child resource names.
     *
     * @return e.g. {@code sdh} for {@code /dev/sdh}
     */
    public String shortName() {
        String d = getDeviceName();
        return d.substring(d.lastIndexOf('/') + 1);
    }
}
