using System;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.ReadResult;
using OccupancySensor.Hardware;

namespace OccupancySensor.Device.Adapters
{
    /// <summary>
    /// An ambient sensor over the Iot.Device.Bmxx80 Bme280 binding, which owns the chip's compensation maths.
    /// Read() forces a measurement when the chip is in forced mode (the binding sleeps for its duration, a few ms).
    /// </summary>
    public sealed class Bme280AmbientSensor : IAmbientSensor
    {
        private readonly Bme280 _sensor;

        /// <summary>Wraps a Bme280 created by the caller on its I2cDevice.</summary>
        public Bme280AmbientSensor(Bme280 sensor)
        {
            _sensor = sensor;
        }

        /// <inheritdoc />
        public BusStatus Read(out AmbientSample sample)
        {
            sample = new AmbientSample();
            try
            {
                Bme280ReadResult result = _sensor.Read();
                if (result == null || !result.TemperatureIsValid)
                {
                    return BusStatus.PartialTransfer;
                }

                sample.TemperatureCelsius = (float)result.Temperature.DegreesCelsius;
                sample.HumidityPercent = result.HumidityIsValid ? (float)result.Humidity.Percent : float.NaN;
                sample.PressureHectopascals = result.PressureIsValid ? (float)result.Pressure.Hectopascals : float.NaN;
                return BusStatus.Ok;
            }
            catch (Exception)
            {
                return BusStatus.UnknownError;
            }
        }
    }
}
