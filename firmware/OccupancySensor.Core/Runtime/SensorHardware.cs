using OccupancySensor.Hardware;

namespace OccupancySensor.Runtime
{
    /// <summary>
    /// The hardware one sensor unit has, as the portable interfaces: real adapters on a device, simulated parts in
    /// hostsim. A part the configuration does not list may be null.
    /// </summary>
    public sealed class SensorHardware
    {
        /// <summary>The unit's clock.</summary>
        public IClock Clock { get; set; }

        /// <summary>Register bus of the thermal array (AMG8833).</summary>
        public II2cRegisterBus ThermalBus { get; set; }

        /// <summary>The PIR output pin.</summary>
        public IDigitalInput Pir { get; set; }

        /// <summary>The ambient sensor (BME280).</summary>
        public IAmbientSensor Ambient { get; set; }
    }
}
