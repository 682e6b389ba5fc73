using OccupancySensor.Lorawan.Airtime;

namespace OccupancySensor.Lorawan.Device
{
    /// <summary>
    /// What the LoRaWAN MAC needs from a radio (SX1276, SX1262, or the simulator's channel). Uplinks go out with
    /// normal IQ and CRC on; receive windows listen with inverted IQ and no CRC check, as LoRaWAN downlinks are sent.
    /// Buffers are the caller's and preallocated.
    /// </summary>
    public interface ILoraRadio
    {
        /// <summary>
        /// Sends one packet and returns when the radio has it (the air time follows; the MAC computes its end from
        /// the time on air). Returns false when the radio could not send (bus fault, no answer): nothing went out.
        /// The buffer is only read, and not kept after the call: the MAC retransmits the same bytes from it.
        /// </summary>
        bool Transmit(int frequencyHz, LoraModulation modulation, byte[] buffer, int length);

        /// <summary>
        /// Listens in one receive window that opens at <paramref name="opensAtMilliseconds"/> on the device clock:
        /// returns the length of the packet received into <paramref name="buffer"/>, or 0 when no preamble was
        /// detected before the window closed.
        /// </summary>
        int Receive(int frequencyHz, LoraModulation modulation, long opensAtMilliseconds, byte[] buffer);

        /// <summary>The signal-to-noise ratio of the last packet received, in dB.</summary>
        int LastSnr { get; }
    }
}
