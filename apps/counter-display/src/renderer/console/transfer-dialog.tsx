import { useEffect, useRef } from 'react';
import { s, UI } from '../strings.js';
import type { TransferGroup } from './transfer-targets.js';

interface TransferDialogProps {
  ticketNumber: string;
  groups: readonly TransferGroup[];
  onPick(serviceId: string): void;
  onCancel(): void;
}

/** Pick the target service of "Chuyển lĩnh vực": big touch targets, Esc cancels. */
export function TransferDialog({ ticketNumber, groups, onPick, onCancel }: TransferDialogProps) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    first.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onCancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);

  let index = 0;
  return (
    <div className="dialog-backdrop" role="presentation">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="transfer-title" data-testid="transfer-dialog">
        <h2 id="transfer-title">
          {s('transfer')} · {ticketNumber}
        </h2>
        <p className="dialog-hint">{UI.pickTargetService}</p>
        <div className="transfer-groups">
          {groups.map((group) => (
            <section key={group.areaId} className="transfer-group">
              <h3>{group.areaName}</h3>
              <div className="transfer-options">
                {group.services.map((service) => (
                  <button
                    key={service.id}
                    ref={index++ === 0 ? first : undefined}
                    type="button"
                    className="transfer-option"
                    data-testid={`transfer-to-${service.id}`}
                    onClick={() => onPick(service.id)}
                  >
                    <span>{service.name}</span>
                    <small>
                      {s('waiting')}: {service.waiting}
                    </small>
                  </button>
                ))}
              </div>
            </section>
          ))}
        </div>
        <button type="button" className="dialog-cancel" onClick={onCancel} data-testid="transfer-cancel">
          {UI.cancel} (Esc)
        </button>
      </div>
    </div>
  );
}
