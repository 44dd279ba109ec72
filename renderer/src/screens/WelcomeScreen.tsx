import { BigButton } from '../components/BigButton';
import { useFlow } from '../store/context';

export function WelcomeScreen() {
  const start = useFlow((s) => s.start);
  const demo = useFlow((s) => s.info?.demo ?? false);
  const scanner = useFlow((s) => s.info?.scanner ?? 'none');
  return (
    <section className="screen screen-welcome" data-testid="screen-welcome">
      {demo && <div className="demo-badge">Демонстрационный режим</div>}
      <div className="welcome-main">
        <h1 className="welcome-title">Запись к врачу по{'\u00a0'}направлению</h1>
        <p className="welcome-need">Понадобится полис ОМС</p>
        <ol className="welcome-steps">
          <li>
            <span className="welcome-num">1</span>Введите номер полиса и дату рождения
          </li>
          <li>
            <span className="welcome-num">2</span>Выберите направление, врача, день и время
          </li>
          <li>
            <span className="welcome-num">3</span>Возьмите талон на приём
          </li>
        </ol>
        <BigButton className="welcome-start" data-testid="start" onClick={start}>
          Начать
        </BigButton>
        {scanner !== 'none' && (
          <p className="welcome-scan" data-testid="welcome-scan">
            Есть бумажный полис со штрих-кодом? Поднесите его к сканеру — вводить номер не нужно.
          </p>
        )}
      </div>
    </section>
  );
}
