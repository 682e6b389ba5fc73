using System;
using OccupancySensor.Configuration;
using OccupancySensor.Hardware;
using OccupancySensor.Readings;
using OccupancySensor.Runtime;

namespace OccupancySensor.Storage
{
    /// <summary>
    /// Stage: every reading is written here before anything tries to send it, and stays until the broker
    /// acknowledged it. An append-only log on flash (<see cref="LogRecord"/> records, each with a CRC-32) in a ring
    /// of segment files "NAME0.log" .. "NAME{n-1}.log", so its size is bounded and no file is ever rewritten: a
    /// reading costs one 36-byte append, its release one 10-byte append. Segments whose readings were all delivered
    /// stay as history (a "history since N" command sends them again) until their slot is needed; a segment is only
    /// ever deleted whole.
    /// After a power cut at any byte, <see cref="Open"/> keeps every intact record and cuts off a torn tail; a
    /// decayed record in the middle is skipped (never delivered) and the scan carries on at the next one. Readings
    /// are numbered here, and the numbering survives reboots, so a consumer can drop the duplicates a lost
    /// release record causes. When the ring is full, the oldest segment goes, and the undelivered readings in it
    /// are counted in <see cref="Dropped"/> (reported upstream), never silently.
    /// Memory: fixed arrays for the segments and one record buffer; appending and peeking allocate nothing.
    /// </summary>
    public sealed class ReadingLog
    {
        /// <summary>Most segments a log may have.</summary>
        public const int MaxSegments = 16;

        /// <summary>The file name stem of the unit's reading log ("readings0.log" ..).</summary>
        public const string FileStem = "readings";

        // Readings delivered ahead of older ones (alerts) remembered at most; more are simply sent again later.
        private const int MaxAhead = 16;

        // Nothing before the first reading: sequence numbers start at 1 (0 means "not assigned" in a Reading).
        private const uint FirstSequence = 1;

        private readonly IFileStore _files;
        private readonly IClock _clock;
        private readonly FaultLog _faults;
        private readonly int _segmentBytes;
        private readonly int _segments;
        private readonly string[] _names;
        private readonly uint[] _generation;
        private readonly long[] _length;
        private readonly uint[] _firstSequence;
        private readonly uint[] _lastSequence;
        private readonly uint[] _ahead = new uint[MaxAhead];
        private readonly byte[] _record = new byte[LogRecord.MaxLength];
        private readonly byte[] _scan = new byte[LogRecord.MaxLength];
        private int _aheadCount;
        private int _active = -1;
        private uint _nextSequence = FirstSequence;
        private uint _released;
        private int _cursorSlot = -1;
        private long _cursorPosition;
        private bool _peeked;
        private Reading _peek;
        private long _peekEnd;

        // A second cursor for "history since N": it walks delivered and undelivered readings alike, oldest first,
        // and never changes what is released.
        private int _historySlot = -1;
        private long _historyPosition;
        private uint _historyTo;
        private uint _historyFrom;
        private bool _historyPeeked;
        private Reading _historyPeek;
        private long _historyPeekEnd;

        /// <summary>
        /// Creates the log over <paramref name="files"/>: <paramref name="segments"/> files of at most
        /// <paramref name="segmentBytes"/> bytes each (the bound on flash), named after <paramref name="name"/>.
        /// </summary>
        public ReadingLog(IFileStore files, string name, int segmentBytes, int segments, IClock clock, FaultLog faults)
        {
            if (segments < 2 || segments > MaxSegments)
            {
                throw new ArgumentOutOfRangeException("segments", "2 to 16 segments");
            }

            if (segmentBytes < LogRecord.SegmentLength + (2 * LogRecord.ReadingLength))
            {
                throw new ArgumentOutOfRangeException("segmentBytes", "a segment must hold a header and two readings");
            }

            _files = files;
            _clock = clock;
            _faults = faults;
            _segmentBytes = segmentBytes;
            _segments = segments;
            _names = new string[segments];
            _generation = new uint[segments];
            _length = new long[segments];
            _firstSequence = new uint[segments];
            _lastSequence = new uint[segments];
            for (int s = 0; s < segments; s++)
            {
                _names[s] = name + s.ToString() + ".log";
            }
        }

        /// <summary>
        /// The unit's log as its configuration sizes it (storage.log_kb over 16 segments: a segment is what one delete
        /// frees, so 16 keep the share of history lost to a roll small), opened.
        /// </summary>
        public static ReadingLog OpenFor(DeviceConfiguration configuration, IFileStore files, IClock clock, FaultLog faults)
        {
            ReadingLog log = new ReadingLog(files, FileStem, configuration.LogKilobytes * 1024 / MaxSegments, MaxSegments, clock, faults);
            log.Open();
            return log;
        }

        /// <summary>Bytes of flash the log may use at most.</summary>
        public long CapacityBytes
        {
            get { return (long)_segmentBytes * _segments; }
        }

        /// <summary>Readings stored and not yet delivered.</summary>
        public int Pending { get; private set; }

        /// <summary>Undelivered readings dropped because the log was full (oldest first).</summary>
        public long Dropped { get; private set; }

        /// <summary>Readings that could not be stored at all (the flash failed even after making room).</summary>
        public long Unstored { get; private set; }

        /// <summary>Records found decayed (CRC mismatch) by the last <see cref="Open"/>; they are skipped.</summary>
        public int CorruptRecords { get; private set; }

        /// <summary>Bytes of torn records cut off the end of the log by <see cref="Open"/>.</summary>
        public long TornBytesCut { get; private set; }

        /// <summary>Bytes appended to flash since start.</summary>
        public long BytesWritten { get; private set; }

        /// <summary>The sequence number the next reading gets.</summary>
        public long NextSequence
        {
            get { return _nextSequence; }
        }

        /// <summary>Every reading up to this sequence number was delivered (or dropped).</summary>
        public long ReleasedThrough
        {
            get { return _released; }
        }

        /// <summary>The oldest reading's sequence number still on flash (delivered or not), 0 when there is none.</summary>
        public long OldestStoredSequence
        {
            get
            {
                uint oldest = 0;
                for (int s = 0; s < _segments; s++)
                {
                    uint first = _firstSequence[s];
                    if (_generation[s] != 0 && first != 0 && (oldest == 0 || first < oldest))
                    {
                        oldest = first;
                    }
                }

                return oldest;
            }
        }

        /// <summary>Whether a history walk is under way (<see cref="BeginHistory(long)"/>).</summary>
        public bool HistoryActive
        {
            get { return _historySlot >= 0; }
        }

        /// <summary>
        /// Finds what the flash holds after a start or a power cut: intact records are kept, a torn tail is cut off,
        /// decayed records are skipped, sequence numbering continues after the highest one seen.
        /// </summary>
        public void Open()
        {
            _active = -1;
            _released = 0;
            _aheadCount = 0;
            _nextSequence = FirstSequence;
            uint newest = 0;
            for (int s = 0; s < _segments; s++)
            {
                Forget(s);
                if (_files.Exists(_names[s]))
                {
                    Recover(s);
                }

                if (_generation[s] > newest)
                {
                    newest = _generation[s];
                    _active = s;
                }
            }

            // Releases of readings sent ahead are kept only while they are beyond the released mark.
            int kept = 0;
            for (int i = 0; i < _aheadCount; i++)
            {
                if (_ahead[i] > _released)
                {
                    _ahead[kept++] = _ahead[i];
                }
            }

            _aheadCount = kept;
            CountPending();
            RewindCursor();
            _historySlot = -1;
        }

        /// <summary>
        /// Stores <paramref name="reading"/> with the next sequence number, which it returns (and sets on the
        /// reading); 0 when the flash failed and the reading could not be stored (counted in <see cref="Unstored"/>):
        /// the reading still gets its number then, so it can be sent from RAM.
        /// </summary>
        public long Append(ref Reading reading)
        {
            reading.Sequence = _nextSequence;
            int length = LogRecord.WriteReading(_record, reading);
            if (!Write(length, true))
            {
                // The number is used up all the same: the caller keeps the reading in RAM and sends it under this
                // number, and the next stored reading must not be taken for its duplicate.
                Unstored++;
                _nextSequence++;
                return 0;
            }

            if (_firstSequence[_active] == 0)
            {
                _firstSequence[_active] = _nextSequence;
            }

            _lastSequence[_active] = _nextSequence;
            Pending++;
            return _nextSequence++;
        }

        /// <summary>The oldest reading not yet delivered; false when there is none.</summary>
        public bool TryPeekOldest(out Reading reading)
        {
            if (!_peeked)
            {
                FindNext();
            }

            reading = _peek;
            return _peeked;
        }

        /// <summary>
        /// Copies up to <paramref name="max"/> of the oldest undelivered readings, oldest first, into
        /// <paramref name="into"/> without moving anything: a sender that packs several readings into one message
        /// looks ahead with this and then releases them in order. Returns how many were copied.
        /// </summary>
        public int PeekPending(Reading[] into, int max)
        {
            Reading first;
            if (max <= 0 || !TryPeekOldest(out first))
            {
                return 0;
            }

            into[0] = first;
            int count = 1;
            int slot = _cursorSlot;
            long position = _peekEnd;
            long end;
            while (count < max && NextReading(ref slot, ref position, out end))
            {
                uint sequence = LogRecord.SequenceAt(_scan, 0);
                if (sequence > _released && !IsAhead(sequence))
                {
                    into[count++] = LogRecord.ReadReading(_scan, 0);
                }

                position = end;
            }

            return count;
        }

        /// <summary>
        /// Starts walking the readings still on flash from <paramref name="since"/> up to the newest one stored now,
        /// delivered or not, oldest first. Returns the last sequence number the walk will reach (0: nothing to walk).
        /// A walk already under way is replaced.
        /// </summary>
        public long BeginHistory(long since)
        {
            return BeginHistory(since, _nextSequence - 1);
        }

        /// <summary>
        /// As <see cref="BeginHistory(long)"/>, but the walk ends at <paramref name="through"/> (or the newest stored
        /// reading, if older): a sender that must repeat what it sent into a dead link asks for just that range.
        /// </summary>
        public long BeginHistory(long since, long through)
        {
            _historyPeeked = false;
            _historyFrom = since < FirstSequence ? FirstSequence : (since > uint.MaxValue ? uint.MaxValue : (uint)since);
            long newest = _nextSequence - 1;
            _historyTo = (uint)(through < newest ? (through < 0 ? 0 : through) : newest);
            _historySlot = _historyFrom > _historyTo ? -1 : Newer(-1);
            _historyPosition = LogRecord.SegmentLength;
            return _historySlot < 0 ? 0 : _historyTo;
        }

        /// <summary>The next reading of the history walk; false when the walk is over.</summary>
        public bool TryPeekHistory(out Reading reading)
        {
            if (!_historyPeeked)
            {
                FindNextHistory();
            }

            reading = _historyPeek;
            return _historyPeeked;
        }

        /// <summary>Moves the history walk past the reading <see cref="TryPeekHistory"/> returned.</summary>
        public void AdvanceHistory()
        {
            if (_historyPeeked)
            {
                _historyPeeked = false;
                _historyPosition = _historyPeekEnd;
            }
        }

        /// <summary>Stops a history walk.</summary>
        public void EndHistory()
        {
            _historyPeeked = false;
            _historySlot = -1;
        }

        /// <summary>
        /// The broker acknowledged the reading with <paramref name="sequence"/>: it is released. Releasing the oldest
        /// moves the released mark; a reading sent ahead of older ones (an alert) is remembered as sent.
        /// </summary>
        public void Release(long sequence)
        {
            uint released = (uint)sequence;
            if (released <= _released || released >= _nextSequence || IsAhead(released))
            {
                return;
            }

            // The reading the cursor holds is the oldest one there is: any number below it that is not on the flash
            // (a decayed record) is gone, and releasing it moves the mark past the gap.
            if (released == _released + 1 || (_peeked && released == (uint)_peek.Sequence))
            {
                _released = released;
                while (RemoveAhead(_released + 1))
                {
                    _released++;
                }

                if (!Write(LogRecord.WriteRelease(_record, LogRecord.Released, _released), false))
                {
                    // Not recorded: after a restart these readings are sent again, and consumers drop the duplicates.
                    _faults.Record(_clock.NowMilliseconds, FaultSource.Storage, FaultCode.WriteFailed, "release not stored");
                }
            }
            else
            {
                if (_aheadCount == MaxAhead)
                {
                    // Sent again later and dropped as a duplicate by the consumer: no reading is lost.
                    return;
                }

                _ahead[_aheadCount++] = released;
                Write(LogRecord.WriteRelease(_record, LogRecord.SentAhead, released), false);
            }

            CountPending();
            if (_peeked && _peek.Sequence <= _released)
            {
                _peeked = false;
                _cursorPosition = _peekEnd;
            }
        }

        // Appends the record in _record, rolling to a new segment when the active one is full. On a flash error the
        // partial record is cut off again and, once, the oldest segment is given up to make room. Only a reading may
        // push undelivered readings out (mayDrop): a release mark that finds no room is not written (after a restart
        // the reading is sent again and dropped as a duplicate), or delivering would cost readings.
        private bool Write(int length, bool mayDrop)
        {
            for (int attempt = 0; attempt < 2; attempt++)
            {
                if (_active < 0 || _length[_active] + length > _segmentBytes)
                {
                    if (!Roll(mayDrop))
                    {
                        if (!mayDrop)
                        {
                            return false;
                        }

                        continue;
                    }
                }

                try
                {
                    _files.Append(_names[_active], _record, 0, length);
                    _length[_active] += length;
                    BytesWritten += length;
                    return true;
                }
                catch (Exception)
                {
                    _faults.Record(_clock.NowMilliseconds, FaultSource.Storage, FaultCode.WriteFailed, "log append failed");
                    CutBack(_active);
                    if (attempt == 0 && (!mayDrop || !DropOldest(_active)))
                    {
                        return false;
                    }
                }
            }

            return false;
        }

        // Starts a new segment in a free slot, or in the oldest one (whose undelivered readings are dropped, counted).
        private bool Roll(bool mayDrop)
        {
            int slot = -1;
            uint newest = 0;
            for (int s = 0; s < _segments; s++)
            {
                if (_generation[s] == 0 && slot < 0)
                {
                    slot = s;
                }

                if (_generation[s] > newest)
                {
                    newest = _generation[s];
                }
            }

            if (slot < 0)
            {
                // History goes first (the oldest fully delivered segment), so delivered readings make room before
                // any undelivered one is pushed out, even when alerts sent ahead left a delivered segment behind an
                // undelivered one.
                slot = OldestDelivered();
                if (slot < 0)
                {
                    slot = Oldest(-1);
                }

                if ((!mayDrop && PendingIn(slot) > 0) || !Drop(slot))
                {
                    return false;
                }
            }

            // The header carries the sequence to continue from, so numbering survives every older segment going.
            byte[] header = _scan;
            int length = LogRecord.WriteSegment(header, newest + 1, _nextSequence);
            try
            {
                _files.Delete(_names[slot]);
                _files.Append(_names[slot], header, 0, length);
            }
            catch (Exception)
            {
                _faults.Record(_clock.NowMilliseconds, FaultSource.Storage, FaultCode.WriteFailed, "log segment not started");
                TryDelete(slot);
                return false;
            }

            BytesWritten += length;
            _generation[slot] = newest + 1;
            _length[slot] = length;
            _firstSequence[slot] = 0;
            _lastSequence[slot] = 0;
            _active = slot;
            if (_cursorSlot < 0)
            {
                _cursorSlot = slot;
                _cursorPosition = length;
            }

            return true;
        }

        // Gives up the oldest segment other than the active one; false when there is none to give up.
        private bool DropOldest(int except)
        {
            int slot = Oldest(except);
            return slot >= 0 && Drop(slot);
        }

        // Deletes a segment; its undelivered readings are counted as dropped. No release mark is needed: the readings
        // are gone with the file, and a power cut before the delete leaves them there, still to be sent.
        private bool Drop(int slot)
        {
            int undelivered = PendingIn(slot);
            if (undelivered > 0)
            {
                Dropped += undelivered;
                Pending -= undelivered;
                _released = _lastSequence[slot];
                _faults.Record(_clock.NowMilliseconds, FaultSource.Storage, FaultCode.Overflow, "log full: oldest readings dropped");
            }

            Forget(slot);
            if (_active == slot)
            {
                _active = -1;
            }

            return TryDelete(slot);
        }

        // Takes a segment out of the ring (its file is deleted by the caller); a cursor in it moves to the next one.
        private void Forget(int slot)
        {
            if (_cursorSlot == slot)
            {
                _peeked = false;
                _cursorSlot = Newer(slot);
                _cursorPosition = LogRecord.SegmentLength;
            }

            if (_historySlot == slot)
            {
                // The readings of this segment are gone: the walk carries on with the next one.
                _historyPeeked = false;
                _historySlot = Newer(slot);
                _historyPosition = LogRecord.SegmentLength;
            }

            _generation[slot] = 0;
            _length[slot] = 0;
            _firstSequence[slot] = 0;
            _lastSequence[slot] = 0;
        }

        private bool TryDelete(int slot)
        {
            try
            {
                _files.Delete(_names[slot]);
                return true;
            }
            catch (Exception)
            {
                _faults.Record(_clock.NowMilliseconds, FaultSource.Storage, FaultCode.WriteFailed, "log segment not deleted");
                return false;
            }
        }

        // After a failed append the file may end in part of a record: cut it back to the last whole one.
        private void CutBack(int slot)
        {
            if (slot < 0)
            {
                return;
            }

            try
            {
                if (_files.GetLength(_names[slot]) > _length[slot])
                {
                    _files.Truncate(_names[slot], _length[slot]);
                }
            }
            catch (Exception)
            {
                // Open() cuts a torn tail anyway.
            }
        }

        // The oldest segment other than the active one whose readings were all delivered, or -1.
        private int OldestDelivered()
        {
            int oldest = -1;
            for (int s = 0; s < _segments; s++)
            {
                if (s != _active && _generation[s] != 0 && PendingIn(s) == 0 &&
                    (oldest < 0 || _generation[s] < _generation[oldest]))
                {
                    oldest = s;
                }
            }

            return oldest;
        }

        // Counted over the segments rather than kept by steps: a release can step over readings that decayed.
        private void CountPending()
        {
            int pending = 0;
            for (int s = 0; s < _segments; s++)
            {
                pending += PendingIn(s);
            }

            Pending = pending;
        }

        private int PendingIn(int slot)
        {
            uint last = _lastSequence[slot];
            if (_generation[slot] == 0 || last == 0 || last <= _released)
            {
                return 0;
            }

            uint first = _firstSequence[slot] > _released ? _firstSequence[slot] : _released + 1;
            int pending = (int)(last - first + 1);
            for (int i = 0; i < _aheadCount; i++)
            {
                if (_ahead[i] >= first && _ahead[i] <= last)
                {
                    pending--;
                }
            }

            return pending;
        }

        // The oldest segment in use other than except, or -1.
        private int Oldest(int except)
        {
            int oldest = -1;
            for (int s = 0; s < _segments; s++)
            {
                if (s != except && _generation[s] != 0 && (oldest < 0 || _generation[s] < _generation[oldest]))
                {
                    oldest = s;
                }
            }

            return oldest;
        }

        // The segment after slot in generation order, or -1.
        private int Newer(int slot)
        {
            uint after = slot >= 0 ? _generation[slot] : 0;
            int next = -1;
            for (int s = 0; s < _segments; s++)
            {
                if (_generation[s] > after && (next < 0 || _generation[s] < _generation[next]))
                {
                    next = s;
                }
            }

            return next;
        }

        private void RewindCursor()
        {
            _peeked = false;
            _cursorSlot = Newer(-1);
            _cursorPosition = LogRecord.SegmentLength;
        }

        // Moves the cursor to the next undelivered reading, if any, and holds it in _peek.
        private void FindNext()
        {
            long end;
            while (NextReading(ref _cursorSlot, ref _cursorPosition, out end))
            {
                uint sequence = LogRecord.SequenceAt(_scan, 0);
                if (sequence > _released && !IsAhead(sequence))
                {
                    _peek = LogRecord.ReadReading(_scan, 0);
                    _peekEnd = end;
                    _peeked = true;
                    return;
                }

                _cursorPosition = end;
            }
        }

        // Moves the history cursor to the next reading in its range, if any, and holds it in _historyPeek; the walk
        // is over at the newest reading stored when it began (later ones are live).
        private void FindNextHistory()
        {
            long end;
            while (NextReading(ref _historySlot, ref _historyPosition, out end))
            {
                uint sequence = LogRecord.SequenceAt(_scan, 0);
                if (sequence > _historyTo)
                {
                    break;
                }

                if (sequence >= _historyFrom)
                {
                    _historyPeek = LogRecord.ReadReading(_scan, 0);
                    _historyPeekEnd = end;
                    _historyPeeked = true;
                    return;
                }

                _historyPosition = end;
            }

            _historySlot = -1;
        }

        // Moves (slot, position) to the next intact reading record, oldest segment first, and leaves it in _scan with
        // its end in end. False once the newest segment is read to its end: slot and position then stay there, so a
        // cursor carries on after later appends. Other records are stepped over; a decayed one (Open() counted it) a
        // byte at a time, to find the next marker.
        private bool NextReading(ref int slot, ref long position, out long end)
        {
            end = 0;
            while (slot >= 0)
            {
                if (position >= _length[slot])
                {
                    int newer = Newer(slot);
                    if (newer < 0)
                    {
                        return false;
                    }

                    slot = newer;
                    position = LogRecord.SegmentLength;
                    continue;
                }

                int length = ReadRecord(slot, position);
                if (length == 0)
                {
                    position++;
                    continue;
                }

                if (_scan[1] == LogRecord.ReadingType)
                {
                    end = position + length;
                    return true;
                }

                position += length;
            }

            return false;
        }

        // Reads and checks the record at position of slot into _scan; its length, or 0 when it is not intact.
        private int ReadRecord(int slot, long position)
        {
            long left = _length[slot] - position;
            int want = left < LogRecord.MaxLength ? (int)left : LogRecord.MaxLength;
            int read;
            try
            {
                read = _files.Read(_names[slot], position, _scan, 0, want);
            }
            catch (Exception)
            {
                _faults.Record(_clock.NowMilliseconds, FaultSource.Storage, FaultCode.ReadFailed, "log read failed");
                return 0;
            }

            return LogRecord.Check(_scan, 0, read);
        }

        // Scans one segment file: its header, then every record; a torn tail is cut off, decayed records skipped.
        private void Recover(int slot)
        {
            string name = _names[slot];
            long size;
            try
            {
                size = _files.GetLength(name);
            }
            catch (Exception)
            {
                return;
            }

            _length[slot] = size;
            if (ReadRecord(slot, 0) != LogRecord.SegmentLength || _scan[1] != LogRecord.Segment)
            {
                // Cut while the header was being written: the segment never held anything.
                TornBytesCut += size;
                _length[slot] = 0;
                TryDelete(slot);
                return;
            }

            _generation[slot] = LogRecord.SequenceAt(_scan, 0);
            uint continueAt = LogRecord.NextSequenceAt(_scan, 0);
            if (continueAt > _nextSequence)
            {
                _nextSequence = continueAt;
            }

            long position = LogRecord.SegmentLength;
            long lastGoodEnd = position;
            while (position < size)
            {
                int length = ReadRecord(slot, position);
                if (length == 0)
                {
                    position++;
                    continue;
                }

                if (position != lastGoodEnd)
                {
                    // Bytes between two intact records: a decayed record, skipped.
                    CorruptRecords++;
                }

                Take(slot);
                position += length;
                lastGoodEnd = position;
            }

            if (lastGoodEnd < size)
            {
                // A torn tail (the power went during an append): cut off, so new records follow intact ones.
                TornBytesCut += size - lastGoodEnd;
                _length[slot] = lastGoodEnd;
                try
                {
                    _files.Truncate(name, lastGoodEnd);
                }
                catch (Exception)
                {
                    _faults.Record(_clock.NowMilliseconds, FaultSource.Storage, FaultCode.WriteFailed, "torn tail not cut");
                }
            }
        }

        // Takes in the intact record in _scan, found in slot.
        private void Take(int slot)
        {
            uint sequence = LogRecord.SequenceAt(_scan, 0);

            switch (_scan[1])
            {
                case LogRecord.ReadingType:
                    if (_firstSequence[slot] == 0)
                    {
                        _firstSequence[slot] = sequence;
                    }

                    _lastSequence[slot] = sequence;
                    if (sequence >= _nextSequence)
                    {
                        _nextSequence = sequence + 1;
                    }

                    break;
                case LogRecord.Released:
                    if (sequence > _released)
                    {
                        _released = sequence;
                    }

                    break;
                case LogRecord.SentAhead:
                    if (_aheadCount < MaxAhead && !IsAhead(sequence))
                    {
                        _ahead[_aheadCount++] = sequence;
                    }

                    break;
            }
        }

        private bool IsAhead(uint sequence)
        {
            for (int i = 0; i < _aheadCount; i++)
            {
                if (_ahead[i] == sequence)
                {
                    return true;
                }
            }

            return false;
        }

        private bool RemoveAhead(uint sequence)
        {
            for (int i = 0; i < _aheadCount; i++)
            {
                if (_ahead[i] == sequence)
                {
                    _ahead[i] = _ahead[--_aheadCount];
                    return true;
                }
            }

            return false;
        }
    }
}
