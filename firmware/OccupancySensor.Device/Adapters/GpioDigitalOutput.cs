using System.Device.Gpio;
using OccupancySensor.Hardware;

namespace OccupancySensor.Device.Adapters
{
    /// <summary>A digital output over an already opened GpioPin (a radio's reset line).</summary>
    public sealed class GpioDigitalOutput : IDigitalOutput
    {
        private readonly GpioPin _pin;

        /// <summary>Wraps <paramref name="pin"/>, opened as an output by the caller.</summary>
        public GpioDigitalOutput(GpioPin pin)
        {
            _pin = pin;
        }

        /// <inheritdoc />
        public void Write(bool high)
        {
            _pin.Write(high ? PinValue.High : PinValue.Low);
        }
    }
}
