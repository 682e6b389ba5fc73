using System;
using System.Device.I2c;
using OccupancySensor.Hardware;

namespace OccupancySensor.Device.Adapters
{
    /// <summary>
    /// A register bus over an already created I2cDevice. Turns I2cTransferResult and exceptions (a chip that
    /// vanished mid-transfer) into <see cref="BusStatus"/>, so the sampling loop records a fault instead of dying.
    /// </summary>
    public sealed class I2cRegisterBus : II2cRegisterBus
    {
        private readonly I2cDevice _device;

        // Scratch buffers for the register address and register writes, allocated once.
        private readonly byte[] _address = new byte[1];
        private readonly byte[] _write = new byte[2];

        /// <summary>Wraps <paramref name="device"/>.</summary>
        public I2cRegisterBus(I2cDevice device)
        {
            _device = device;
        }

        /// <inheritdoc />
        public BusStatus WriteRegister(byte register, byte value)
        {
            _write[0] = register;
            _write[1] = value;
            try
            {
                return ToStatus(_device.Write(new SpanByte(_write)));
            }
            catch (Exception)
            {
                return BusStatus.UnknownError;
            }
        }

        /// <inheritdoc />
        public BusStatus ReadRegisters(byte startRegister, byte[] buffer, int offset, int count)
        {
            _address[0] = startRegister;
            try
            {
                return ToStatus(_device.WriteRead(new SpanByte(_address), new SpanByte(buffer, offset, count)));
            }
            catch (Exception)
            {
                return BusStatus.UnknownError;
            }
        }

        private static BusStatus ToStatus(I2cTransferResult result)
        {
            switch (result.Status)
            {
                case I2cTransferStatus.FullTransfer:
                    return BusStatus.Ok;
                case I2cTransferStatus.SlaveAddressNotAcknowledged:
                    return BusStatus.AddressNotAcknowledged;
                case I2cTransferStatus.PartialTransfer:
                    return BusStatus.PartialTransfer;
                case I2cTransferStatus.ClockStretchTimeout:
                    return BusStatus.ClockStretchTimeout;
                default:
                    return BusStatus.UnknownError;
            }
        }
    }
}
