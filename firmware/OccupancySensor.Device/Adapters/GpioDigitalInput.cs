using System.Device.Gpio;
using OccupancySensor.Hardware;

namespace OccupancySensor.Device.Adapters
{
    /// <summary>
    /// A digital input over an already opened GpioPin. Subscribes to GpioPin.ValueChanged once, which reports both
    /// edges; RegisterCallbackForPinValueChangedEvent is avoided because the controller keeps one event mask per
    /// pin and a second registration replaces the first.
    /// </summary>
    public sealed class GpioDigitalInput : IDigitalInput
    {
        private readonly GpioPin _pin;

        /// <summary>Wraps <paramref name="pin"/>, opened as an input by the caller.</summary>
        public GpioDigitalInput(GpioPin pin)
        {
            _pin = pin;
            _pin.ValueChanged += OnValueChanged;
        }

        /// <inheritdoc />
        public event DigitalEdgeHandler EdgeDetected;

        /// <inheritdoc />
        public bool Read()
        {
            return _pin.Read() == PinValue.High;
        }

        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            DigitalEdgeHandler handler = EdgeDetected;
            if (handler != null)
            {
                handler(e.ChangeType == PinEventTypes.Rising);
            }
        }
    }
}
