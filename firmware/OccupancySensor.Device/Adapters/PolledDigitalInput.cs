using System.Device.Gpio;
using OccupancySensor.Hardware;

namespace OccupancySensor.Device.Adapters
{
    /// <summary>
    /// A digital input that is only read, never watched: the SX1262 BUSY line. BUSY toggles around every SPI command,
    /// so edge events (one interrupt and one event object each) would cost far more than the driver's reads.
    /// </summary>
    public sealed class PolledDigitalInput : IDigitalInput
    {
        private readonly GpioPin _pin;

        /// <summary>Wraps <paramref name="pin"/>, opened as an input by the caller.</summary>
        public PolledDigitalInput(GpioPin pin)
        {
            _pin = pin;
        }

        /// <summary>Never raised: the pin is polled.</summary>
        public event DigitalEdgeHandler EdgeDetected
        {
            add { }
            remove { }
        }

        /// <inheritdoc />
        public bool Read()
        {
            return _pin.Read() == PinValue.High;
        }
    }
}
