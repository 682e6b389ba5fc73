namespace OccupancySensor.Hardware
{
    /// <summary>One ambient reading: temperature, relative humidity and pressure.</summary>
    public struct AmbientSample
    {
        /// <summary>Air temperature in °C.</summary>
        public float TemperatureCelsius;

        /// <summary>Relative humidity in percent, NaN when the sensor has no humidity channel.</summary>
        public float HumidityPercent;

        /// <summary>Air pressure in hPa, NaN when not measured.</summary>
        public float PressureHectopascals;
    }

    /// <summary>
    /// An ambient sensor (BME280). The device adapter wraps the Iot.Device.Bmxx80 binding, which does the chip's
    /// compensation maths; failures come back as a <see cref="BusStatus"/>, never as an exception.
    /// </summary>
    public interface IAmbientSensor
    {
        /// <summary>Takes one reading.</summary>
        BusStatus Read(out AmbientSample sample);
    }
}
