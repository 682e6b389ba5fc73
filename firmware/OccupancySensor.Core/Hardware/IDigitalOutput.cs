namespace OccupancySensor.Hardware
{
    /// <summary>
    /// One digital output pin, such as a radio's reset line. The device adapter wraps an already opened GpioPin.
    /// </summary>
    public interface IDigitalOutput
    {
        /// <summary>Drives the pin high (true) or low (false).</summary>
        void Write(bool high);
    }
}
