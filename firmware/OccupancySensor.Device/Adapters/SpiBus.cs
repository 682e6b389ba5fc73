using System;
using System.Device.Spi;
using OccupancySensor.Hardware;

namespace OccupancySensor.Device.Adapters
{
    /// <summary>An SPI bus over an already created SpiDevice (chip select driven by the SPI driver).</summary>
    public sealed class SpiBus : ISpiBus
    {
        private readonly SpiDevice _device;

        /// <summary>Wraps <paramref name="device"/>.</summary>
        public SpiBus(SpiDevice device)
        {
            _device = device;
        }

        /// <inheritdoc />
        public BusStatus Write(byte[] buffer, int offset, int count)
        {
            try
            {
                _device.Write(new SpanByte(buffer, offset, count));
                return BusStatus.Ok;
            }
            catch (Exception)
            {
                return BusStatus.UnknownError;
            }
        }

        /// <inheritdoc />
        public BusStatus Exchange(byte[] writeBuffer, byte[] readBuffer, int count)
        {
            try
            {
                _device.TransferFullDuplex(new SpanByte(writeBuffer, 0, count), new SpanByte(readBuffer, 0, count));
                return BusStatus.Ok;
            }
            catch (Exception)
            {
                return BusStatus.UnknownError;
            }
        }
    }
}
