namespace OccupancySensor.Hardware
{
    /// <summary>Called on every level change of a digital input, from the pin's interrupt context.</summary>
    /// <param name="isHigh">The level after the change.</param>
    public delegate void DigitalEdgeHandler(bool isHigh);

    /// <summary>
    /// One digital input pin, such as a PIR sensor's output. The device adapter wraps an already opened GpioPin
    /// and registers for both edges once (the nanoFramework GPIO controller keeps one event mask per pin: a second
    /// registration replaces the first).
    /// </summary>
    public interface IDigitalInput
    {
        /// <summary>The current level of the pin.</summary>
        bool Read();

        /// <summary>Raised on every rising and falling edge. Handlers must be short: they run in interrupt context.</summary>
        event DigitalEdgeHandler EdgeDetected;
    }
}
